package jitshapes;

import java.io.Serializable;

/** A serializable class without a declared serialVersionUID, whose field the agent gives a shadow. */
public class Message implements Serializable {

    private String text = "hello";

    public String text() {
        return text;
    }
}
