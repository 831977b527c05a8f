"""Package data: user words, boilerplate patterns and unit tables, read with importlib.resources."""
