def build = evaluate(new File(verifyHelpers))

def log = build.log
assert log.contains('Races that match the 1 pattern in ') : 'prepare-agent read the configured file'
assert log =~ /argLine set to -javaagent:\S+ .*-Dconcurrency\.suppressions=\S+benign-races\.txt/ : 'and passed it on to Surefire'
assert log.contains('BUILD SUCCESS')

def suppressed = build.surefireSuite('it.LegacyCacheTest')
assert suppressed.getAttribute('tests') == '1'
assert suppressed.getAttribute('failures') == '0' : 'the race on vendor.LegacyCache.hits is suppressed under Surefire too'
assert suppressed.getAttribute('errors') == '0'

def found = build.surefireSuite('it.CounterTest')
assert found.getAttribute('tests') == '1'
assert found.getAttribute('failures') == '0' : 'the detector ran and found the race no pattern matches'
assert found.getAttribute('skipped') == '0'
