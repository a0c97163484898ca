package checkshapes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** JDK objects a method makes, for {@code UnsharedObjectsTest}: which of them stay in the method's frame. */
public class Confinement {

    List<String> kept = new ArrayList<>();

    String concatenate(int count) {
        return "count " + count;
    }

    int localList(String a, String b) {
        List<String> list = new ArrayList<>();
        list.add(a);
        list.add(b);
        return list.size();
    }

    String builtInALoop(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text = text.append(i);
        }
        return text.toString();
    }

    List<String> returned(String a) {
        List<String> list = new ArrayList<>();
        list.add(a);
        return list;
    }

    StringBuilder returnedThroughAppend(String a) {
        return new StringBuilder().append(a);
    }

    void storedInAField(String a) {
        List<String> list = new ArrayList<>();
        list.add(a);
        kept = list;
    }

    int iterated(String a) {
        List<String> list = new ArrayList<>();
        list.add(a);
        int length = 0;
        for (String s : list) {
            length += s.length();
        }
        return length;
    }

    void passedOn(String a, Consumer<Map<String, String>> consumer) {
        Map<String, String> map = new HashMap<>();
        map.put(a, a);
        consumer.accept(map);
    }

    Runnable captured(String a) {
        List<String> list = new ArrayList<>();
        list.add(a);
        return () -> list.add(a);
    }

    void eitherMadeOrAField(boolean fresh, String a) {
        List<String> list = fresh ? new ArrayList<>() : kept;
        list.add(a);
    }

    void parameter(List<String> list, String a) {
        list.add(a);
    }
}
