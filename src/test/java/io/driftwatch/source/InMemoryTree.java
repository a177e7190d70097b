package io.driftwatch.source;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link SourceTree} of files held in memory, by path; folders are implied by them. */
final class InMemoryTree implements SourceTree {

  private final TreeMap<String, byte[]> files = new TreeMap<>();

  InMemoryTree put(String path, String text) {
    files.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Override
  public Kind kind(String path) {
    if (files.containsKey(path)) {
      return Kind.FILE;
    }
    String prefix = path.isEmpty() ? "" : path + "/";
    return files.keySet().stream().anyMatch(p -> p.startsWith(prefix)) ? Kind.FOLDER : Kind.MISSING;
  }

  @Override
  public List<String> names(String folder) {
    String prefix = folder.isEmpty() ? "" : folder + "/";
    return files.keySet().stream()
        .filter(p -> p.startsWith(prefix))
        .map(p -> p.substring(prefix.length()).split("/")[0])
        .distinct()
        .sorted()
        .toList();
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes) {
    byte[] bytes = files.get(path);
    return bytes == null || bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
  }
}
