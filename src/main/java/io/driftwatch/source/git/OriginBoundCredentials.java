package io.driftwatch.source.git;

import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A token that answers only for the scheme, host and port it was stored for, and never over plain
 * http. JGit asks the provider again for the URI a redirect names, so without this a server could
 * send the token on to any https host; this way it gets nothing and the fetch fails.
 */
final class OriginBoundCredentials extends CredentialsProvider {

  private final GitUrls.Origin origin;
  private final UsernamePasswordCredentialsProvider token;

  OriginBoundCredentials(String url, GitCredentials credentials) {
    this.origin = GitUrls.origin(url);
    this.token =
        new UsernamePasswordCredentialsProvider(
            credentials.usernameOrDefault(), credentials.token());
  }

  boolean answers(URIish uri) {
    GitUrls.Origin asked =
        uri == null ? null : GitUrls.Origin.of(uri.getScheme(), uri.getHost(), uri.getPort());
    return origin != null && !origin.plainHttp() && origin.equals(asked);
  }

  @Override
  public boolean isInteractive() {
    return false;
  }

  @Override
  public boolean supports(CredentialItem... items) {
    return token.supports(items);
  }

  @Override
  public boolean get(URIish uri, CredentialItem... items) throws UnsupportedCredentialItem {
    return answers(uri) && token.get(uri, items);
  }

  @Override
  public void reset(URIish uri) {
    token.reset(uri);
  }
}
