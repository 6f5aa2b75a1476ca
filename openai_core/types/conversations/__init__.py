"""Types of ``client.conversations``."""

from .computer_screenshot_content import ComputerScreenshotContent as ComputerScreenshotContent
from .conversation import Conversation as Conversation
from .conversation_create_params import ConversationCreateParams as ConversationCreateParams
from .conversation_deleted_resource import ConversationDeletedResource as ConversationDeletedResource
from .conversation_item import ConversationItem as ConversationItem
from .conversation_item_list import ConversationItemList as ConversationItemList
from .conversation_update_params import ConversationUpdateParams as ConversationUpdateParams
from .input_file_content import InputFileContent as InputFileContent
from .input_image_content import InputImageContent as InputImageContent
from .input_text_content import InputTextContent as InputTextContent
from .item_create_params import ItemCreateParams as ItemCreateParams
from .item_list_params import ItemListParams as ItemListParams
from .item_retrieve_params import ItemRetrieveParams as ItemRetrieveParams
from .message import Message as Message
from .output_text_content import OutputTextContent as OutputTextContent
from .refusal_content import RefusalContent as RefusalContent
from .summary_text_content import SummaryTextContent as SummaryTextContent
from .text_content import TextContent as TextContent
