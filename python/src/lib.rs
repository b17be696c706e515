//! The Python module of jixiao. Written by the python work.
