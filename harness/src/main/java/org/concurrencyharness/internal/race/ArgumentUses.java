package org.concurrencyharness.internal.race;

/**
 * An object handed to a JDK call that goes through it whole ({@code new ArrayList<>(list)}, {@code
 * String.join(",", names)}, {@code "items " + list}, {@code Collections.sort(list)}; see
 * SyncContracts#argumentUses), as the analysis sees it: the JDK's code that reads or writes it is not
 * instrumented, so the call stands for it. A JDK object that is not thread-safe is read or written
 * as a call on it would; a synchronized wrapper under its mutex, as its own calls are; a concurrent
 * collection, or a view of one, is looked through, and the caller sees what was released into it,
 * as after a call on it.
 */
final class ArgumentUses {

    private ArgumentUses() {}

    static void before(Object argument, int site, SyncContracts.ArgumentUse use) {
        if (argument == null) {
            return;
        }
        if (use == SyncContracts.ArgumentUse.READ_EACH) {
            if (argument instanceof Object[] each) {
                for (Object element : each) {
                    before(element, site, SyncContracts.ArgumentUse.READ);
                }
            }
            return;
        }
        boolean write = use == SyncContracts.ArgumentUse.WRITE;
        // the site of the call's writes follows that of its reads (see SiteRegistry#registerArgumentCall)
        site += write ? 1 : 0;
        JdkObjects.Contract contract = JdkObjects.of(argument);
        if (contract == JdkObjects.Contract.CONCURRENT) {
            if (SynchronizedWrappers.is(argument)) {
                SynchronizedWrappers.before(argument, site, write);
            } else if (write) {
                SyncCalls.before(argument, null);
            } else {
                // a look only acquires, after it: a reader releases nothing (see ConcurrentViews)
                Detector.enterSync(argument);
            }
        } else if (contract != JdkObjects.Contract.NONE) {
            Accesses.wholeObject(argument, contract, site, write, false);
        }
    }

    static void after(Object argument, SyncContracts.ArgumentUse use) {
        if (argument == null) {
            return;
        }
        if (use == SyncContracts.ArgumentUse.READ_EACH) {
            if (argument instanceof Object[] each) {
                for (Object element : each) {
                    after(element, SyncContracts.ArgumentUse.READ);
                }
            }
            return;
        }
        JdkObjects.Contract contract = JdkObjects.of(argument);
        if (contract == JdkObjects.Contract.CONCURRENT) {
            if (SynchronizedWrappers.is(argument)) {
                SynchronizedWrappers.after(null, argument, false);
            } else {
                SyncCalls.after(argument, null);
            }
        } else if (contract == JdkObjects.Contract.VIEW) {
            Accesses.afterViewCall(argument, null);
        }
    }
}
