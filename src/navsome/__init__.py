"""navsome: query NAV's social media accounts, channels and reported figures."""

__version__ = "0.1.0"
