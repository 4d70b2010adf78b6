package io.siftbench.app.insights;

/**
 * The prompt file of the insights tests: one-line stories over topic × mood, plan "all", the text as the only
 * output field. The moods are given as JSON value objects so that a test can switch one off.
 */
public final class StoryPrompt {

    private StoryPrompt() {}

    /** The prompt file, named "story", with the topics {@code dragons} and {@code trains} and {@code moods}. */
    public static String json(String moods) {
        return json("story", true, moods);
    }

    /**
     * The prompt file named {@code name}, the topic condition switched on or off, with {@code moods}; the
     * template leaves the topic out when it is off ("A story about  in a sad mood.").
     */
    private static String json(String name, boolean topics, String moods) {
        return String.join(
                "\n",
                "{\"name\": \"" + name + "\", \"mode\": \"synthesize\",",
                " \"task\": {\"role\": \"You write one-line stories.\"},",
                " \"template\": {\"system\": \"{{task.role}}\",",
                "   \"user\": \"A story about {{condition.topic}} in a {{condition.mood}} mood.\"},",
                " \"conditions\": [",
                "   {\"name\": \"topic\", \"enabled\": " + topics
                        + ", \"values\": [{\"value\": \"dragons\"}, {\"value\": \"trains\"}]},",
                "   {\"name\": \"mood\", \"values\": [" + moods + "]}],",
                " \"plan\": {\"kind\": \"all\", \"seed\": 3},",
                " \"output\": {\"schema\": {\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"}},"
                        + " \"required\": [\"text\"]}}}");
    }

    /** Moods sad and happy, both switched on. */
    public static String twoMoods() {
        return json("{\"value\": \"sad\"}, {\"value\": \"happy\"}");
    }

    /**
     * A prompt with a single condition switched on, named "moods": the topic is switched off, the moods sad and
     * happy are on and odd is declared but off.
     */
    public static String moodsOnly() {
        return json(
                "moods",
                false,
                "{\"value\": \"sad\"}, {\"value\": \"happy\"}, " + "{\"value\": \"odd\", \"enabled\": false}");
    }

    /** Moods sad and happy switched on, odd declared but switched off. */
    public static String twoMoodsAndOneOff() {
        return json("{\"value\": \"sad\"}, {\"value\": \"happy\"}, {\"value\": \"odd\", \"enabled\": false}");
    }
}
