package checkshapes;

/** Field accesses for {@code RedundantChecksTest}: which checks a straight stretch of code makes redundant. */
public class Redundancy {

    static int shared;

    int x;
    int y;
    volatile int flag;

    void increment() {
        x++;
    }

    int readTwice() {
        return x + x;
    }

    void writeThenRead() {
        x = 1;
        y = x;
    }

    void move(Redundancy velocity) {
        x += velocity.y;
        y += velocity.x;
    }

    void beforeAJump(boolean more) {
        x = 1;
        if (more) {
            y = 2;
        }
    }

    int acrossCall() {
        int first = x;
        hashCode();
        return first + x;
    }

    int acrossArithmetic() {
        int first = Math.max(x, 1);
        return first + x;
    }

    int acrossBranch(boolean more) {
        int first = x;
        if (more) {
            first++;
        }
        return first + x;
    }

    int twoHolders(Redundancy other) {
        return x + other.x;
    }

    int acrossVolatile() {
        int first = x;
        int seen = flag;
        return first + seen + x;
    }

    int reassigned(Redundancy other) {
        Redundancy holder = this;
        int first = holder.x;
        holder = other;
        return first + holder.x;
    }

    static void incrementStatic() {
        shared++;
    }
}
