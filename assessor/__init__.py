"""assessor: star-rating assessments of cities and counties against YAML indicator sets."""

__version__ = "0.1.0"
