"""macros.data."""

# The kind modules (model_storage, model_services) subclass the bases in model.py, and model.py
# registers them: loading model first keeps a direct import of a kind module from looping.
from macros.data import model as model
