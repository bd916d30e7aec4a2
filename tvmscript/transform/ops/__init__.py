"""The legalizations, one module per operator family (importing them registers them)."""

from tvmscript.transform.ops import creation as creation
from tvmscript.transform.ops import datatype as datatype
from tvmscript.transform.ops import elementwise as elementwise
from tvmscript.transform.ops import image as image
from tvmscript.transform.ops import index as index
from tvmscript.transform.ops import linear_algebra as linear_algebra
from tvmscript.transform.ops import manipulation as manipulation
from tvmscript.transform.ops import misc as misc
from tvmscript.transform.ops import nn_activation as nn_activation
from tvmscript.transform.ops import nn_attention as nn_attention
from tvmscript.transform.ops import nn_conv as nn_conv
from tvmscript.transform.ops import nn_norm as nn_norm
from tvmscript.transform.ops import nn_pool as nn_pool
from tvmscript.transform.ops import qdq as qdq
from tvmscript.transform.ops import reduction as reduction
from tvmscript.transform.ops import search as search
