package dk.gevinst.ingest;

import dk.gevinst.privacy.CprScrubber;
import dk.gevinst.privacy.Pseudonymizer;
import dk.gevinst.source.FileFormat;
import dk.gevinst.source.Source;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * What one source folder holds tonight: the data files, and every other name with what was done about it.
 * Nothing is ignored silently: a folder or a link to a folder named like a data file, a link out of the data
 * root, a broken link and a file of another type are all reported as skipped.
 */
public record FileInventory(Source source, boolean folderExists, List<SourceFile> files, List<FileProblem> skipped) {
    public FileInventory {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public static FileInventory list(Storage storage, Path dataRoot, Source source, Pseudonymizer keys) throws IOException {
        Path folder = new Path(dataRoot, source.folder());
        List<SourceFile> files = new ArrayList<>();
        List<FileProblem> skipped = new ArrayList<>();
        for (Storage.Entry e : storage.listEntries(folder, List.of(dataRoot, folder))) {
            String relative = source.folder() + "/" + e.path().getName();
            String display = CprScrubber.mask(relative);
            var format = FileFormat.of(relative);
            String why = switch (e.kind()) {
                case FOLDER -> e.link() ? SkippedFiles.LINK_TO_FOLDER : SkippedFiles.FOLDER;
                case LINK_OUTSIDE -> SkippedFiles.LINK_OUTSIDE;
                case LINK_BROKEN -> SkippedFiles.LINK_BROKEN;
                case FILE -> format.isEmpty() ? SkippedFiles.NOT_DATA : null;
            };
            if (why != null) {
                skipped.add(new FileProblem(source.folder(), display, why));
                continue;
            }
            String fileRef = keys.fileReference(relative);
            String versionRef = keys.fileReference(relative + "|" + e.size() + "|" + e.modified());
            files.add(new SourceFile(source, e.path(), format.get(), display, fileRef, versionRef, e.size(), e.modified()));
        }
        return new FileInventory(source, storage.exists(folder), files, skipped);
    }
}
