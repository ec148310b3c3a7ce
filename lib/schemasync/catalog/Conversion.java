package schemasync.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import schemasync.model.Difference;

/**
 * An encoding conversion of a managed schema ({@code CREATE [DEFAULT] CONVERSION name FOR 'source' TO 'destination'
 * FROM function}, one pg_conversion row): the two encodings as pg_encoding_to_char names them, the conversion function
 * (qualified, pg_catalog's too), and whether it is the default for its encoding pair in its schema (condefault: the one
 * a client_encoding of that pair uses while its schema comes first in the search_path). PostgreSQL has no ALTER
 * CONVERSION for any of the four: a difference means DROP and CREATE.
 */
public record Conversion(QualifiedName name, String source, String destination, QualifiedName function, boolean isDefault) {

    /** How CREATE CONVERSION reads after the name: {@code DEFAULT FOR 'LATIN1' TO 'UTF8' FROM pg_catalog.iso8859_1_to_utf8}. */
    public String describe() {
        return (isDefault ? "DEFAULT " : "") + "FOR '" + source + "' TO '" + destination + "' FROM " + function;
    }

    /** Encodings, function and default flag: what the planner compares and what the roundtrip reports. */
    public static List<Difference> diff(Conversion want, Conversion have) {
        List<Difference> out = new ArrayList<>();
        if (!want.source().equals(have.source())) out.add(new Difference("source encoding", want.source(), have.source()));
        if (!want.destination().equals(have.destination())) {
            out.add(new Difference("destination encoding", want.destination(), have.destination()));
        }
        if (!want.function().equals(have.function())) {
            out.add(new Difference("function", want.function().toString(), have.function().toString()));
        }
        if (want.isDefault() != have.isDefault()) {
            out.add(new Difference("default", String.valueOf(want.isDefault()), String.valueOf(have.isDefault())));
        }
        return out;
    }

    /**
     * PostgreSQL's name for an encoding as a user may write it ({@code 'iso-8859-1'}, {@code 'unicode'}, {@code 'Latin1'}):
     * pg_char_to_encoding keeps only the letters and digits, lower-cased, and looks the result up among the names and
     * aliases of encnames.c; pg_encoding_to_char then prints the one name pg_conversion is read back with. A name it
     * does not know is kept as written (CREATE CONVERSION refuses it: "encoding ... does not exist").
     */
    public static String encoding(String written) {
        if (written == null) return null;
        String cleaned = written.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String known = ENCODINGS.get(cleaned);
        return known != null ? known : written;
    }

    /** Every encoding by its cleaned spelling: the names of pg_encoding_to_char(0..41), then the aliases of 13–18. */
    private static final Map<String, String> ENCODINGS = encodings();

    private static Map<String, String> encodings() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String name : List.of("SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "UTF8", "MULE_INTERNAL",
                "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10", "WIN1256",
                "WIN1258", "WIN866", "WIN874", "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7",
                "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255", "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC",
                "GB18030", "JOHAB", "SHIFT_JIS_2004")) {
            m.put(name.replace("_", "").toLowerCase(Locale.ROOT), name);
        }
        String[][] latin = {{"iso88591", "LATIN1"}, {"iso88592", "LATIN2"}, {"iso88593", "LATIN3"}, {"iso88594", "LATIN4"},
                {"iso88599", "LATIN5"}, {"iso885910", "LATIN6"}, {"iso885913", "LATIN7"}, {"iso885914", "LATIN8"},
                {"iso885915", "LATIN9"}, {"iso885916", "LATIN10"}};
        for (String[] a : latin) m.put(a[0], a[1]);
        for (String code : List.of("866", "874", "1250", "1251", "1252", "1253", "1254", "1255", "1256", "1257", "1258")) {
            m.put("windows" + code, "WIN" + code);
        }
        String[][] aliases = {{"unicode", "UTF8"}, {"win", "WIN1251"}, {"alt", "WIN866"}, {"koi8", "KOI8R"},
                {"mskanji", "SJIS"}, {"shiftjis", "SJIS"}, {"win932", "SJIS"}, {"windows932", "SJIS"}, {"win936", "GBK"},
                {"windows936", "GBK"}, {"win949", "UHC"}, {"windows949", "UHC"}, {"win950", "BIG5"}, {"windows950", "BIG5"},
                {"tcvn", "WIN1258"}, {"tcvn5712", "WIN1258"}, {"vscii", "WIN1258"}, {"abc", "WIN1258"}};
        for (String[] a : aliases) m.put(a[0], a[1]);
        return Map.copyOf(m);
    }
}
