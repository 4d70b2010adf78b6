package io.siftbench.app.insights;

/**
 * The prompt file of the insights tests: one-line stories over topic × mood, plan "all", the text as the only
 * output field. The moods are given as JSON value objects so that a test can switch one off.
 */
public final class StoryPrompt {

    private StoryPrompt() {
    }

    /** The prompt file, named "story", with the topics {@code dragons} and {@code trains} and {@code moods}. */
    public static String json(String moods) {
        return String.join("\n",
                "{\"name\": \"story\", \"mode\": \"synthesize\",",
                " \"task\": {\"role\": \"You write one-line stories.\"},",
                " \"template\": {\"system\": \"{{task.role}}\",",
                "   \"user\": \"A story about {{condition.topic}} in a {{condition.mood}} mood.\"},",
                " \"conditions\": [",
                "   {\"name\": \"topic\", \"values\": [{\"value\": \"dragons\"}, {\"value\": \"trains\"}]},",
                "   {\"name\": \"mood\", \"values\": [" + moods + "]}],",
                " \"plan\": {\"kind\": \"all\", \"seed\": 3},",
                " \"output\": {\"schema\": {\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"}},"
                        + " \"required\": [\"text\"]}}}");
    }

    /** Moods sad and happy, both switched on. */
    public static String twoMoods() {
        return json("{\"value\": \"sad\"}, {\"value\": \"happy\"}");
    }

    /** Moods sad and happy switched on, odd declared but switched off. */
    public static String twoMoodsAndOneOff() {
        return json("{\"value\": \"sad\"}, {\"value\": \"happy\"}, {\"value\": \"odd\", \"enabled\": false}");
    }
}
