"""Types of ``client.uploads.parts``."""

from .part_create_params import PartCreateParams as PartCreateParams
from .upload_part import UploadPart as UploadPart
