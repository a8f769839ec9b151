"""dhrplan: Domestic Homicide Review action plans to structured, validated data.

The pipeline's stages are the subpackages `dhrplan.extract` -> `dhrplan.normalize` ->
`dhrplan.output` (the top-level folders extract/, normalize/, output/ of the repository).
"""

from dhrplan import classcode as _classcode

__version__ = "0.1.0"
SCHEMA_VERSION = "2.0"

_classcode.install()  # before any of the package's classes is made
