"""Types of ``client.chat.completions.messages``."""

from .message_list_params import MessageListParams as MessageListParams
