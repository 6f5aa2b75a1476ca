"""Types of ``client.conversations``."""

from .conversation import Conversation as Conversation
from .conversation_create_params import ConversationCreateParams as ConversationCreateParams
from .conversation_deleted_resource import ConversationDeletedResource as ConversationDeletedResource
from .conversation_item import ConversationItem as ConversationItem
from .conversation_item_list import ConversationItemList as ConversationItemList
from .conversation_update_params import ConversationUpdateParams as ConversationUpdateParams
from .item_create_params import ItemCreateParams as ItemCreateParams
from .item_list_params import ItemListParams as ItemListParams
from .item_retrieve_params import ItemRetrieveParams as ItemRetrieveParams
from .message import ComputerScreenshotContent as ComputerScreenshotContent
from .message import InputFileContent as InputFileContent
from .message import InputImageContent as InputImageContent
from .message import InputTextContent as InputTextContent
from .message import Message as Message
from .message import OutputTextContent as OutputTextContent
from .message import RefusalContent as RefusalContent
from .message import SummaryTextContent as SummaryTextContent
from .message import TextContent as TextContent
