def build = evaluate(new File(verifyHelpers))

assert !build.reports.exists()
def report = build.json(new File(basedir, 'custom-reports/report.json'))
def ran = build.names(report) as Set
assert ran == ['it.Alpha#first', 'it.Beta#first', 'it.Beta#second', 'it.Gamma#second'] as Set
