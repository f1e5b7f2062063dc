-- Each task's instruction as the participants read it: the suite's data set filled into its parameters (the
-- instruction column keeps the template the task's hash is taken over). Derived from the suite version's content,
-- whose hash covers the data set. NULL for a suite version stored before Bedside kept it; the next run of that
-- version fills it in.
ALTER TABLE suite_tasks ADD COLUMN given text;
