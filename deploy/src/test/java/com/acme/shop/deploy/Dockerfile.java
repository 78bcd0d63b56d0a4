package com.acme.shop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into its instructions (comments dropped, continuation lines joined, build-stage boundaries kept),
 * and the rules our images must follow. Deliberately small: instruction keyword plus the rest of the line.
 */
record Dockerfile(List<Instruction> instructions) {

    /** image:tag@sha256:<64 hex>: the tag says what it is, the digest fixes the bytes. */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}");
    private static final Pattern ARG_REFERENCE = Pattern.compile("^\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?$");
    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(?::(\\d+))?");

    record Instruction(String keyword, String arguments, int stage) {
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int stage = -1;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (!pending.isEmpty() && line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String full = pending.toString().strip();
            pending.setLength(0);
            if (full.isEmpty()) {
                continue;
            }
            int space = full.indexOf(' ');
            String keyword = (space < 0 ? full : full.substring(0, space)).toUpperCase();
            String arguments = space < 0 ? "" : full.substring(space + 1).strip().replaceAll("\\s+", " ");
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(keyword, arguments, stage));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    int finalStage() {
        return instructions.stream().mapToInt(Instruction::stage).max().orElse(-1);
    }

    List<Instruction> inStage(int stage) {
        return instructions.stream().filter(i -> i.stage() == stage).toList();
    }

    /** Default values of the ARGs declared before the first FROM (the only ones a FROM line may use). */
    Map<String, String> globalArgs() {
        Map<String, String> args = new LinkedHashMap<>();
        instructions.stream().filter(i -> i.stage() < 0 && i.keyword().equals("ARG")).forEach(i -> {
            int eq = i.arguments().indexOf('=');
            if (eq > 0) {
                args.put(i.arguments().substring(0, eq), i.arguments().substring(eq + 1));
            } else {
                args.put(i.arguments(), "");
            }
        });
        return args;
    }

    /** The image of each FROM, with a global ARG reference resolved to its default. */
    List<String> baseImages() {
        Map<String, String> args = globalArgs();
        return instructions.stream().filter(i -> i.keyword().equals("FROM")).map(i -> {
            String image = i.arguments().split(" ")[0];
            if (image.startsWith("--platform")) {
                image = i.arguments().split(" ")[1];
            }
            Matcher reference = ARG_REFERENCE.matcher(image);
            return reference.matches() ? args.getOrDefault(reference.group(1), image) : image;
        }).toList();
    }

    /** Stage names declared with FROM ... AS name. */
    List<String> stageNames() {
        return instructions.stream().filter(i -> i.keyword().equals("FROM"))
                .map(i -> i.arguments().matches("(?i).* AS \\S+$") ? i.arguments().replaceAll("(?i).* AS ", "") : "")
                .toList();
    }

    /** What is wrong with this Dockerfile as a recipe for our production images; empty when nothing is. */
    List<String> violations(List<String> layersInOrder) {
        List<String> problems = new ArrayList<>();
        if (instructions.isEmpty()) {
            return List.of("no instructions");
        }
        List<String> names = stageNames();
        List<String> images = baseImages();
        for (int i = 0; i < images.size(); i++) {
            String image = images.get(i);
            boolean earlierStage = names.subList(0, i).contains(image);
            if (!earlierStage && !PINNED.matcher(image).matches()) {
                problems.add("FROM " + image + " is not pinned as image:tag@sha256:<digest>");
            }
        }
        int last = finalStage();
        List<Instruction> finalStage = inStage(last);
        List<Instruction> users = finalStage.stream().filter(i -> i.keyword().equals("USER")).toList();
        if (users.isEmpty()) {
            problems.add("the final stage sets no USER: the process would run as root");
        } else {
            Matcher user = NUMERIC_USER.matcher(users.getLast().arguments());
            if (!user.matches()) {
                problems.add("USER " + users.getLast().arguments()
                        + " is not numeric: Kubernetes' runAsNonRoot can only verify a numeric user");
            } else if (Integer.parseInt(user.group(1)) == 0
                    || (user.group(2) != null && Integer.parseInt(user.group(2)) == 0)) {
                problems.add("USER " + users.getLast().arguments() + " is root");
            }
            int userIndex = finalStage.indexOf(users.getLast());
            if (finalStage.subList(userIndex, finalStage.size()).stream().anyMatch(i -> i.keyword().equals("RUN"))) {
                problems.add("RUN after the last USER runs as the application's user in the build; keep USER last");
            }
        }
        List<String> copied = finalStage.stream().filter(i -> i.keyword().equals("COPY")
                        && i.arguments().startsWith("--from="))
                .map(i -> {
                    Matcher layer = Pattern.compile("/extracted/([a-z-]+)/").matcher(i.arguments());
                    return layer.find() ? layer.group(1) : i.arguments();
                }).toList();
        if (!copied.equals(layersInOrder)) {
            problems.add("the final stage copies " + copied + ", not Spring Boot's layers in their order "
                    + layersInOrder);
        }
        boolean extracts = instructions.stream().anyMatch(i -> i.keyword().equals("RUN")
                && i.arguments().contains("-Djarmode=tools") && i.arguments().contains("extract")
                && i.arguments().contains("--layers") && i.arguments().contains("--launcher"));
        if (!extracts) {
            problems.add("no RUN extracts the jar with -Djarmode=tools extract --layers --launcher");
        }
        List<Instruction> entrypoints = finalStage.stream().filter(i -> i.keyword().equals("ENTRYPOINT")).toList();
        if (entrypoints.isEmpty() || !entrypoints.getLast().arguments().startsWith("[")) {
            problems.add("ENTRYPOINT must be the exec form (a JSON array) so that java is PID 1 and gets SIGTERM");
        } else {
            String entrypoint = entrypoints.getLast().arguments();
            if (!entrypoint.contains("-XX:MaxRAMPercentage=")) {
                problems.add("ENTRYPOINT does not size the heap from the container (-XX:MaxRAMPercentage)");
            }
            if (!entrypoint.contains("org.springframework.boot.loader.launch.JarLauncher")) {
                problems.add("ENTRYPOINT does not start Spring Boot's JarLauncher");
            }
        }
        return problems;
    }
}
