def build = evaluate(new File(verifyHelpers))

def report = build.report()
def racy = report.exercises.find { it.method == 'increment' }
assert racy.races.any { it.field == 'it.Racy.count' } : 'the race is still reported'
assert report.summary.races >= 1
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
