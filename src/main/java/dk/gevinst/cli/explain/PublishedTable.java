package dk.gevinst.cli.explain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.gevinst.source.Columns;
import dk.gevinst.storage.Storage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One night of a published Parquet table ({@code OUT/tables/NAME/as_of=D/}), one pilot's rows as JSON
 * objects with the table's own column names. Read with Parquet's plain reader: explaining a decision
 * needs no Spark session.
 */
final class PublishedTable {
    private static final String PARTITION = Columns.AS_OF + "=";

    private PublishedTable() {}

    /** The nights the table holds, oldest first. */
    static List<LocalDate> nights(Storage storage, Path table) throws IOException {
        List<LocalDate> out = new ArrayList<>();
        if (!storage.isDirectory(table)) return out;
        for (var status : storage.fs(table).listStatus(table)) {
            String name = status.getPath().getName();
            if (status.isDirectory() && name.startsWith(PARTITION)) {
                try {
                    out.add(LocalDate.parse(name.substring(PARTITION.length())));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a partition of ours; Spark leaves nothing else here, but a stray folder must not stop an explanation
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The rows of one night whose pilot_id is {@code pilotId}. */
    static List<ObjectNode> rows(Storage storage, Path table, LocalDate night, String pilotId) throws IOException {
        Path dir = new Path(table, PARTITION + night);
        List<ObjectNode> out = new ArrayList<>();
        if (!storage.isDirectory(dir)) return out;
        for (Storage.FileEntry f : storage.listFiles(dir)) {
            if (!f.path().getName().endsWith(".parquet")) continue;
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), f.path())
                .withConf(storage.fs(f.path()).getConf()).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    ObjectNode row = row(g);
                    if (pilotId.equals(row.path(Columns.PILOT_ID).asText())) out.add(row);
                }
            }
        }
        return out;
    }

    private static ObjectNode row(Group g) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < g.getType().getFieldCount(); i++) {
            Type field = g.getType().getType(i);
            String name = field.getName();
            if (g.getFieldRepetitionCount(i) == 0 || !field.isPrimitive()) {
                o.putNull(name);
                continue;
            }
            PrimitiveType p = field.asPrimitiveType();
            switch (p.getPrimitiveTypeName()) {
                case BINARY -> o.put(name, g.getString(i, 0));
                case DOUBLE -> o.put(name, g.getDouble(i, 0));
                case FLOAT -> o.put(name, g.getFloat(i, 0));
                case INT64 -> o.put(name, g.getLong(i, 0));
                case BOOLEAN -> o.put(name, g.getBoolean(i, 0));
                case INT32 -> {
                    int v = g.getInteger(i, 0);
                    if (p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                        o.put(name, LocalDate.ofEpochDay(v).toString());
                    } else {
                        o.put(name, v);
                    }
                }
                default -> o.put(name, g.getValueToString(i, 0));
            }
        }
        return o;
    }
}
