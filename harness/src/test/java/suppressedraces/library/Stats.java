package suppressedraces.library;

/** Stands for a library class the project cannot change, whose statistics race, benignly. */
public class Stats {

    private int hits;

    public void hit() {
        hits++;
    }
}
