"""Answers for people and programs: blocks drawn as plain text, Rich tables or Markdown;
rows written as JSON or CSV; exports to files."""
