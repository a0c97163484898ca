def build = evaluate(new File(verifyHelpers))

assert !build.reports.exists()
def log = build.log
assert log.contains('skipped')
assert log.contains('BUILD SUCCESS')
