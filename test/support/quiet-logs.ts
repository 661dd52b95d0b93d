// Tests assert behaviour, not log lines: keep the app's info logs out of the test output.
process.env.LOG_LEVEL ??= 'error';
