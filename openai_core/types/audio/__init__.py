"""Types of ``client.audio``: speech parameters, transcriptions and translations."""

from .speech_create_params import SpeechCreateParams as SpeechCreateParams
from .speech_model import SpeechModel as SpeechModel
from .transcription import Transcription as Transcription
from .transcription_create_params import TranscriptionCreateParams as TranscriptionCreateParams
from .transcription_create_response import TranscriptionCreateResponse as TranscriptionCreateResponse
from .transcription_diarized import TranscriptionDiarized as TranscriptionDiarized
from .transcription_diarized_segment import TranscriptionDiarizedSegment as TranscriptionDiarizedSegment
from .transcription_include import TranscriptionInclude as TranscriptionInclude
from .transcription_language import TranscriptionLanguage as TranscriptionLanguage
from .transcription_segment import TranscriptionSegment as TranscriptionSegment
from .transcription_stream_event import TranscriptionStreamEvent as TranscriptionStreamEvent
from .transcription_text_delta_event import TranscriptionTextDeltaEvent as TranscriptionTextDeltaEvent
from .transcription_text_done_event import TranscriptionTextDoneEvent as TranscriptionTextDoneEvent
from .transcription_text_segment_event import TranscriptionTextSegmentEvent as TranscriptionTextSegmentEvent
from .transcription_verbose import TranscriptionVerbose as TranscriptionVerbose
from .transcription_word import TranscriptionWord as TranscriptionWord
from .translation import Translation as Translation
from .translation_create_params import TranslationCreateParams as TranslationCreateParams
from .translation_create_response import TranslationCreateResponse as TranslationCreateResponse
from .translation_verbose import TranslationVerbose as TranslationVerbose

# isort: split
# -- generated exports (scripts/generate.py): begin
from .voice import Voice as Voice
from .voice_consent import VoiceConsent as VoiceConsent
from .voice_consent_create_params import VoiceConsentCreateParams as VoiceConsentCreateParams
from .voice_consent_deleted import VoiceConsentDeleted as VoiceConsentDeleted
from .voice_consent_list_params import VoiceConsentListParams as VoiceConsentListParams
from .voice_consent_update_params import VoiceConsentUpdateParams as VoiceConsentUpdateParams
from .voice_create_params import VoiceCreateParams as VoiceCreateParams
from .voice_deleted import VoiceDeleted as VoiceDeleted
# -- generated exports (scripts/generate.py): end
