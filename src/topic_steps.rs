//! Topic sizing and category tints for the TopicsCloud. Filled in by the TopicsCloud work.
