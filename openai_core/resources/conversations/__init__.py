from .conversations import AsyncConversations as AsyncConversations
from .items import AsyncItems as AsyncItems
