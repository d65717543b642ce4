package io.scenelog.app;

import picocli.CommandLine;

/** Reports the version written into the jar's manifest at build time. */
final class ScenelogVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ScenelogVersion.class.getPackage().getImplementationVersion();
        return new String[] {"scenelog " + (version == null ? "(development build)" : version)};
    }
}
