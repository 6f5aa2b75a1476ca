"""Typed API objects: pydantic response models and the TypedDicts of request parameters, at the same
import paths as in the official ``openai`` SDK (``openai_core.types.chat.ChatCompletion`` ...).

Subpackages (``audio``, ``chat``, ``fine_tuning``, ``shared``, ``shared_params``) load on first import."""

from .audio_model import AudioModel as AudioModel
from .audio_response_format import AudioResponseFormat as AudioResponseFormat
from .batch import Batch as Batch
from .batch_create_params import BatchCreateParams as BatchCreateParams
from .batch_error import BatchError as BatchError
from .batch_list_params import BatchListParams as BatchListParams
from .batch_request_counts import BatchRequestCounts as BatchRequestCounts
from .batch_usage import BatchUsage as BatchUsage
from .chat_model import ChatModel as ChatModel
from .completion import Completion as Completion
from .completion_choice import CompletionChoice as CompletionChoice
from .completion_create_params import CompletionCreateParams as CompletionCreateParams
from .completion_usage import CompletionUsage as CompletionUsage
from .create_embedding_response import CreateEmbeddingResponse as CreateEmbeddingResponse
from .embedding import Embedding as Embedding
from .embedding_create_params import EmbeddingCreateParams as EmbeddingCreateParams
from .embedding_model import EmbeddingModel as EmbeddingModel
from .file_content import FileContent as FileContent
from .file_create_params import FileCreateParams as FileCreateParams
from .file_deleted import FileDeleted as FileDeleted
from .file_list_params import FileListParams as FileListParams
from .file_object import FileObject as FileObject
from .file_purpose import FilePurpose as FilePurpose
from .image import Image as Image
from .image_create_variation_params import ImageCreateVariationParams as ImageCreateVariationParams
from .image_edit_completed_event import ImageEditCompletedEvent as ImageEditCompletedEvent
from .image_edit_params import ImageEditParams as ImageEditParams
from .image_edit_partial_image_event import ImageEditPartialImageEvent as ImageEditPartialImageEvent
from .image_edit_stream_event import ImageEditStreamEvent as ImageEditStreamEvent
from .image_gen_completed_event import ImageGenCompletedEvent as ImageGenCompletedEvent
from .image_gen_partial_image_event import ImageGenPartialImageEvent as ImageGenPartialImageEvent
from .image_gen_stream_event import ImageGenStreamEvent as ImageGenStreamEvent
from .image_generate_params import ImageGenerateParams as ImageGenerateParams
from .image_model import ImageModel as ImageModel
from .images_response import ImagesResponse as ImagesResponse
from .model import Model as Model
from .model_deleted import ModelDeleted as ModelDeleted
from .moderation import Moderation as Moderation
from .moderation_create_params import ModerationCreateParams as ModerationCreateParams
from .moderation_create_response import ModerationCreateResponse as ModerationCreateResponse
from .moderation_image_url_input_param import ModerationImageURLInputParam as ModerationImageURLInputParam
from .moderation_model import ModerationModel as ModerationModel
from .moderation_multi_modal_input_param import (
    ModerationMultiModalInputParam as ModerationMultiModalInputParam,
)
from .moderation_text_input_param import ModerationTextInputParam as ModerationTextInputParam
from .shared import FunctionDefinition as FunctionDefinition
from .shared import FunctionParameters as FunctionParameters
from .shared import Metadata as Metadata
from .shared import ReasoningEffort as ReasoningEffort
from .shared import ResponseFormatJSONObject as ResponseFormatJSONObject
from .shared import ResponseFormatJSONSchema as ResponseFormatJSONSchema
from .shared import ResponseFormatText as ResponseFormatText
from .upload import Upload as Upload
from .upload_complete_params import UploadCompleteParams as UploadCompleteParams
from .upload_create_params import UploadCreateParams as UploadCreateParams

# isort: split
# -- generated exports (scripts/generate.py): begin
from .container_create_params import ContainerCreateParams as ContainerCreateParams
from .container_create_response import ContainerCreateResponse as ContainerCreateResponse
from .container_list_params import ContainerListParams as ContainerListParams
from .container_list_response import ContainerListResponse as ContainerListResponse
from .container_retrieve_response import ContainerRetrieveResponse as ContainerRetrieveResponse
from .content_provenance_check import ContentProvenanceCheck as ContentProvenanceCheck
from .content_provenance_check_create_params import (
    ContentProvenanceCheckCreateParams as ContentProvenanceCheckCreateParams,
)
from .decision import Decision as Decision
from .decision_create_params import DecisionCreateParams as DecisionCreateParams
from .deleted_skill import DeletedSkill as DeletedSkill
from .eval_create_params import EvalCreateParams as EvalCreateParams
from .eval_create_response import EvalCreateResponse as EvalCreateResponse
from .eval_custom_data_source_config import EvalCustomDataSourceConfig as EvalCustomDataSourceConfig
from .eval_delete_response import EvalDeleteResponse as EvalDeleteResponse
from .eval_list_params import EvalListParams as EvalListParams
from .eval_list_response import EvalListResponse as EvalListResponse
from .eval_retrieve_response import EvalRetrieveResponse as EvalRetrieveResponse
from .eval_stored_completions_data_source_config import (
    EvalStoredCompletionsDataSourceConfig as EvalStoredCompletionsDataSourceConfig,
)
from .eval_update_params import EvalUpdateParams as EvalUpdateParams
from .eval_update_response import EvalUpdateResponse as EvalUpdateResponse
from .other_file_chunking_strategy_object import (
    OtherFileChunkingStrategyObject as OtherFileChunkingStrategyObject,
)
from .skill import Skill as Skill
from .skill_create_params import SkillCreateParams as SkillCreateParams
from .skill_list_params import SkillListParams as SkillListParams
from .skill_update_params import SkillUpdateParams as SkillUpdateParams
from .static_file_chunking_strategy import StaticFileChunkingStrategy as StaticFileChunkingStrategy
from .static_file_chunking_strategy_object import (
    StaticFileChunkingStrategyObject as StaticFileChunkingStrategyObject,
)
from .vector_store import VectorStore as VectorStore
from .vector_store_create_params import VectorStoreCreateParams as VectorStoreCreateParams
from .vector_store_deleted import VectorStoreDeleted as VectorStoreDeleted
from .vector_store_list_params import VectorStoreListParams as VectorStoreListParams
from .vector_store_search_params import VectorStoreSearchParams as VectorStoreSearchParams
from .vector_store_search_response import VectorStoreSearchResponse as VectorStoreSearchResponse
from .vector_store_update_params import VectorStoreUpdateParams as VectorStoreUpdateParams
from .video import Video as Video
from .video_create_character_params import VideoCreateCharacterParams as VideoCreateCharacterParams
from .video_create_character_response import VideoCreateCharacterResponse as VideoCreateCharacterResponse
from .video_create_error import VideoCreateError as VideoCreateError
from .video_create_params import VideoCreateParams as VideoCreateParams
from .video_delete_response import VideoDeleteResponse as VideoDeleteResponse
from .video_download_content_params import VideoDownloadContentParams as VideoDownloadContentParams
from .video_edit_params import VideoEditParams as VideoEditParams
from .video_extend_params import VideoExtendParams as VideoExtendParams
from .video_get_character_response import VideoGetCharacterResponse as VideoGetCharacterResponse
from .video_list_params import VideoListParams as VideoListParams
from .video_remix_params import VideoRemixParams as VideoRemixParams
# -- generated exports (scripts/generate.py): end
