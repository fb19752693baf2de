"""Progress: charts and plain-language summaries of what the logs show."""
