"""crmdesk: a desktop relationship notebook for field sales reps."""

__version__ = "0.1.0"
