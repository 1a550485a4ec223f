package com.lendingops.taskbridge.deploy;

import com.lendingops.taskbridge.config.IncsConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The configuration keys declared by the application's own @ConfigMapping interfaces, found by
 * scanning its compiled classes and walking each interface the way SmallRye Config names keys:
 * prefix + method name in the mapping's naming strategy, @WithName/@WithParentName, nested groups,
 * maps ("*" for the key) and lists of groups ("[*]").
 */
final class ConfigMappingKeys {

    /** A key pattern, whether the application cannot start without it, and its @WithDefault value. */
    record Key(String pattern, boolean required, Optional<String> defaultValue) {
    }

    private final Set<Key> keys = new LinkedHashSet<>();

    static Set<Key> ofApplication() {
        ConfigMappingKeys walker = new ConfigMappingKeys();
        applicationClasses().forEach(type -> {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null && type.isInterface()) {
                walker.walk(mapping.prefix(), type, mapping.namingStrategy(), false);
            }
        });
        return walker.keys;
    }

    static Set<Key> of(Class<?> mappingInterface) {
        ConfigMapping mapping = mappingInterface.getAnnotation(ConfigMapping.class);
        ConfigMappingKeys walker = new ConfigMappingKeys();
        walker.walk(mapping.prefix(), mappingInterface, mapping.namingStrategy(), false);
        return walker.keys;
    }

    private void walk(String prefix, Class<?> group, ConfigMapping.NamingStrategy naming, boolean optional) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String segment = method.isAnnotationPresent(WithParentName.class) ? ""
                    : method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                    : naming.apply(method.getName());
            boolean required = !optional && !method.isAnnotationPresent(WithDefault.class);
            property(join(prefix, segment), method.getGenericReturnType(), method, naming, required);
        }
    }

    private void property(String key, Type type, Method method, ConfigMapping.NamingStrategy naming, boolean required) {
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            property(key, argument(type, 0), method, naming, false);
        } else if (Map.class.isAssignableFrom(raw)) {
            property(join(key, "*"), argument(type, 1), method, naming, false);
            if (method.isAnnotationPresent(WithUnnamedKey.class)) {
                property(key, argument(type, 1), method, naming, false);
            }
        } else if (Collection.class.isAssignableFrom(raw) && isGroup(rawClass(argument(type, 0)))) {
            walk(key + "[*]", rawClass(argument(type, 0)), naming, true);
        } else if (isGroup(raw)) {
            walk(key, raw, naming, !required);
        } else {
            Optional<String> defaultValue = Optional.ofNullable(method.getAnnotation(WithDefault.class))
                    .map(WithDefault::value);
            keys.add(new Key(key, required && !raw.getName().startsWith("java.util.Optional"), defaultValue));
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String join(String prefix, String segment) {
        return prefix.isEmpty() ? segment : segment.isEmpty() ? prefix : prefix + "." + segment;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** Every class compiled from src/main/java (the directory IncsConfig was loaded from). */
    private static List<Class<?>> applicationClasses() {
        Path classes = classesDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .<Class<?>>flatMap(ConfigMappingKeys::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Class<?>> load(String name) {
        try {
            return Stream.of(Class.forName(name, false, ConfigMappingKeys.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Stream.empty();
        }
    }

    private static Path classesDirectory() {
        try {
            return Path.of(IncsConfig.class
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> patterns(Set<Key> keys) {
        Set<String> result = new TreeSet<>();
        keys.forEach(k -> result.add(k.pattern()));
        return result;
    }
}
