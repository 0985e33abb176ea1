"""The tool's own words and number formats: the lowest layer, shared by every front end."""
