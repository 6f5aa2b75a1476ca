from .calls import AsyncCalls as AsyncCalls
from .client_secrets import AsyncClientSecrets as AsyncClientSecrets
from .connection import AsyncRealtimeConnection as AsyncRealtimeConnection
from .realtime import AsyncRealtime as AsyncRealtime
from .realtime import AsyncRealtimeConnectionManager as AsyncRealtimeConnectionManager
