"""The registry file: reading, checking, locating problems, and writing figures safely."""
