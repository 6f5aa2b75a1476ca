"""The graders of reinforcement fine-tuning, at the official SDK's import paths."""

from .grader_inputs import GraderInputs as GraderInputs
from .label_model_grader import LabelModelGrader as LabelModelGrader
from .multi_grader import MultiGrader as MultiGrader
from .python_grader import PythonGrader as PythonGrader
from .score_model_grader import ScoreModelGrader as ScoreModelGrader
from .string_check_grader import StringCheckGrader as StringCheckGrader
from .text_similarity_grader import TextSimilarityGrader as TextSimilarityGrader
