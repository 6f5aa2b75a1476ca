from .parts import AsyncParts as AsyncParts
from .uploads import AsyncUploads as AsyncUploads
