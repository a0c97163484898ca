assert !new File(basedir, 'target/concurrency-reports').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('skipped')
assert log.contains('BUILD SUCCESS')
