"""Stream helpers: typed events and accumulated results over raw API streams."""
