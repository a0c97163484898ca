def build = evaluate(new File(verifyHelpers))

def log = build.log
assert log.contains('argLine set to -Dit.kept=yes -javaagent:') : 'the agent was appended to the build\'s own argLine'
assert log.contains('BUILD SUCCESS')

def suite = build.surefireSuite('it.CounterTest')
// racyOnPurpose passes only when the detector ran and found its race; raceFree only when -Dit.kept=yes was kept
assert suite.getAttribute('tests') == '2'
assert suite.getAttribute('failures') == '0'
assert suite.getAttribute('errors') == '0'
assert suite.getAttribute('skipped') == '0' : 'with the agent nothing is aborted'
assert !log.contains('Race detection is off')
