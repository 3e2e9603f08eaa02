"""Use cases over the unit of work; they return frozen read models. Never imports Qt."""
