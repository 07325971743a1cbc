package io.factoryops.demo;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The words the demo plant is made of: a small maker of pumps, valves and drives, its parts and its people; and the
 * made-up names, addresses, and phone numbers of its people.
 */
final class DemoNames {

    private DemoNames() {}

    /** A product: name, catalogue category, price; with a bill of materials when {@code bom} names parts. */
    record Product(String sku, String name, String category, String price, List<String> bom) {}

    /** A part: SKU, name, inventory category, location code, unit, unit cost. */
    record Part(String sku, String name, String category, String location, String unit, String cost) {}

    /** An inventory category under its parent (null: a root). */
    record Category(String name, String parent) {}

    /** A location under its parent (null: a root). */
    record Location(String code, String name, String parent) {}

    /** A supplier: name, code, contact, lead time in days, and the part categories it delivers. */
    record Supplier(String name, String code, String contact, int leadTimeDays, List<String> categories) {}

    static final List<Category> CATEGORIES = List.of(
            new Category("Hydraulics", null),
            new Category("Seals", "Hydraulics"),
            new Category("Hoses and fittings", "Hydraulics"),
            new Category("Electrical", null),
            new Category("Motors", "Electrical"),
            new Category("Sensors", "Electrical"),
            new Category("Cabling", "Electrical"),
            new Category("Mechanical", null),
            new Category("Bearings", "Mechanical"),
            new Category("Fasteners", "Mechanical"),
            new Category("Consumables", null));

    static final List<Location> LOCATIONS = List.of(
            new Location("WH1", "Main warehouse", null),
            new Location("WH1-A", "Aisle A", "WH1"),
            new Location("WH1-B", "Aisle B", "WH1"),
            new Location("LS", "Line-side store", null),
            new Location("LS-1", "Assembly line 1", "LS"),
            new Location("LS-2", "Assembly line 2", "LS"),
            new Location("WS", "Workshop", null));

    static final List<Supplier> SUPPLIERS = List.of(
            new Supplier("Nordic Seals AB", "NORDSEAL", "Ingrid Berg", 7, List.of("Seals")),
            new Supplier(
                    "Rhein Hydraulik GmbH", "RHEINHYD", "Jonas Weber", 10, List.of("Hydraulics", "Hoses and fittings")),
            new Supplier("Volta Motors Ltd", "VOLTA", "Amelia Price", 14, List.of("Motors", "Electrical", "Cabling")),
            new Supplier("Precision Bearings Inc", "PRECBEAR", "Carlos Diaz", 5, List.of("Bearings", "Mechanical")),
            new Supplier("Fastenal Partners", "FASTPART", "Priya Nair", 3, List.of("Fasteners", "Consumables")),
            new Supplier("Sensorik Components", "SENSORIK", "Tomas Novak", 9, List.of("Sensors")));

    static final List<Part> PARTS = List.of(
            new Part("SEAL-O-20", "O-ring 20 mm NBR", "Seals", "WH1-A", "pcs", "0.45"),
            new Part("SEAL-O-35", "O-ring 35 mm NBR", "Seals", "WH1-A", "pcs", "0.60"),
            new Part("SEAL-LIP-40", "Lip seal 40 mm", "Seals", "WH1-A", "pcs", "3.20"),
            new Part("SEAL-MECH-25", "Mechanical shaft seal 25 mm", "Seals", "WH1-A", "pcs", "18.50"),
            new Part("HOSE-12-1M", "Hydraulic hose 1/2\" 1 m", "Hoses and fittings", "WH1-A", "pcs", "12.40"),
            new Part("FIT-12-ELB", "Elbow fitting 1/2\"", "Hoses and fittings", "WH1-A", "pcs", "4.10"),
            new Part("FIT-12-TEE", "Tee fitting 1/2\"", "Hoses and fittings", "WH1-A", "pcs", "5.30"),
            new Part("HYD-FLT-10", "Return filter 10 micron", "Hydraulics", "WH1-A", "pcs", "22.00"),
            new Part("MOT-075", "Motor 0.75 kW 4-pole", "Motors", "WH1-B", "pcs", "185.00"),
            new Part("MOT-150", "Motor 1.5 kW 4-pole", "Motors", "WH1-B", "pcs", "265.00"),
            new Part("MOT-400", "Motor 4 kW 4-pole", "Motors", "WH1-B", "pcs", "540.00"),
            new Part("VFD-150", "Frequency drive 1.5 kW", "Electrical", "WH1-B", "pcs", "310.00"),
            new Part("SEN-PRS-10", "Pressure sensor 0-10 bar", "Sensors", "WH1-B", "pcs", "64.00"),
            new Part("SEN-TMP-PT", "Temperature probe PT100", "Sensors", "WH1-B", "pcs", "28.50"),
            new Part("SEN-FLW-25", "Flow sensor DN25", "Sensors", "WH1-B", "pcs", "142.00"),
            new Part("CAB-3G15", "Power cable 3G1.5", "Cabling", "WH1-B", "m", "1.20"),
            new Part("CAB-SIG-4", "Signal cable 4x0.5", "Cabling", "WH1-B", "m", "0.85"),
            new Part("BRG-6204", "Ball bearing 6204-2RS", "Bearings", "LS-1", "pcs", "4.80"),
            new Part("BRG-6306", "Ball bearing 6306-2RS", "Bearings", "LS-1", "pcs", "9.60"),
            new Part("BRG-UCP-25", "Pillow block bearing 25 mm", "Bearings", "LS-1", "pcs", "16.90"),
            new Part("BOLT-M8-30", "Hex bolt M8x30 A2", "Fasteners", "LS-1", "pcs", "0.18"),
            new Part("BOLT-M12-60", "Hex bolt M12x60 A2", "Fasteners", "LS-1", "pcs", "0.55"),
            new Part("NUT-M8", "Hex nut M8 A2", "Fasteners", "LS-2", "pcs", "0.06"),
            new Part("WASH-M12", "Washer M12 A2", "Fasteners", "LS-2", "pcs", "0.05"),
            new Part("CPL-28", "Jaw coupling 28 mm", "Mechanical", "LS-2", "pcs", "21.00"),
            new Part("IMP-125", "Impeller 125 mm bronze", "Mechanical", "LS-2", "pcs", "96.00"),
            new Part("VLV-BODY-50", "Valve body DN50 cast", "Mechanical", "LS-2", "pcs", "74.00"),
            new Part("VLV-STEM-50", "Valve stem DN50", "Mechanical", "LS-2", "pcs", "19.00"),
            new Part("GRS-LI-400", "Lithium grease 400 g", "Consumables", "WS", "pcs", "6.40"),
            new Part("OIL-HYD-5L", "Hydraulic oil HLP46 5 l", "Consumables", "WS", "pcs", "27.00"),
            new Part("GSK-SHEET", "Gasket sheet 1 m²", "Consumables", "WS", "pcs", "31.00"),
            new Part("TAPE-PTFE", "PTFE thread tape", "Consumables", "WS", "pcs", "0.90"),
            new Part("FUSE-10A", "Fuse 10 A gG", "Electrical", "WS", "pcs", "1.10"),
            new Part("CONT-9A", "Contactor 9 A 24 V", "Electrical", "WS", "pcs", "23.00"),
            new Part("RELAY-24", "Relay 24 V DC", "Electrical", "WS", "pcs", "7.50"),
            new Part("PAINT-RAL5", "Touch-up paint RAL 5010", "Consumables", "WS", "pcs", "12.00"));

    /** Parts that run short in the story: no automatic reorder, so they end at or below their reorder level. */
    static final List<String> SCARCE =
            List.of("SEAL-MECH-25", "SEN-FLW-25", "CONT-9A", "RELAY-24", "GSK-SHEET", "FUSE-10A");

    static final List<Product> PRODUCTS = List.of(
            new Product(
                    "PMP-C50",
                    "Centrifugal pump C50",
                    "Pumps",
                    "1240.00",
                    List.of("MOT-150", "IMP-125", "SEAL-MECH-25", "BRG-6204")),
            new Product(
                    "PMP-C80",
                    "Centrifugal pump C80",
                    "Pumps",
                    "2150.00",
                    List.of("MOT-400", "IMP-125", "SEAL-MECH-25", "BRG-6306")),
            new Product("PMP-D20", "Dosing pump D20", "Pumps", "680.00", List.of("MOT-075", "SEAL-O-20", "SEN-PRS-10")),
            new Product(
                    "VLV-G50",
                    "Gate valve DN50",
                    "Valves",
                    "189.00",
                    List.of("VLV-BODY-50", "VLV-STEM-50", "SEAL-LIP-40", "BOLT-M12-60")),
            new Product("VLV-B25", "Ball valve DN25", "Valves", "64.00", List.of()),
            new Product("VLV-C40", "Check valve DN40", "Valves", "92.00", List.of()),
            new Product(
                    "DRV-150",
                    "Drive unit 1.5 kW",
                    "Drives",
                    "890.00",
                    List.of("MOT-150", "VFD-150", "CPL-28", "CAB-3G15")),
            new Product("DRV-400", "Drive unit 4 kW", "Drives", "1480.00", List.of("MOT-400", "CPL-28", "CAB-3G15")),
            new Product(
                    "HPU-10",
                    "Hydraulic power unit 10 l",
                    "Hydraulics",
                    "2890.00",
                    List.of("MOT-150", "HYD-FLT-10", "HOSE-12-1M", "FIT-12-ELB")),
            new Product(
                    "CYL-40-200",
                    "Hydraulic cylinder 40x200",
                    "Hydraulics",
                    "310.00",
                    List.of("SEAL-O-35", "SEAL-LIP-40")),
            new Product("CYL-63-400", "Hydraulic cylinder 63x400", "Hydraulics", "520.00", List.of()),
            new Product("MAN-4", "Manifold block 4-way", "Hydraulics", "240.00", List.of()),
            new Product("SKD-PMP", "Pump skid frame", "Frames", "410.00", List.of()),
            new Product("BASE-150", "Motor base plate 150", "Frames", "75.00", List.of()),
            new Product("GRD-CPL", "Coupling guard", "Frames", "38.00", List.of()),
            new Product(
                    "CTRL-BOX",
                    "Control box 24 V",
                    "Controls",
                    "560.00",
                    List.of("CONT-9A", "RELAY-24", "FUSE-10A", "CAB-SIG-4")),
            new Product("CTRL-PNL", "Operator panel", "Controls", "780.00", List.of()),
            new Product("SEN-KIT", "Sensor retrofit kit", "Controls", "210.00", List.of("SEN-PRS-10", "SEN-TMP-PT")),
            new Product("SRV-KIT-S", "Pump service kit S", "Spares", "95.00", List.of()),
            new Product("SRV-KIT-L", "Pump service kit L", "Spares", "165.00", List.of()),
            new Product("FLT-KIT", "Filter change kit", "Spares", "58.00", List.of()),
            new Product("IMP-SPARE", "Spare impeller 125", "Spares", "149.00", List.of()),
            new Product("HOSE-KIT", "Hose assembly kit", "Spares", "84.00", List.of()),
            new Product("TRN-DAY", "Operator training day", "Services", "950.00", List.of()));

    static final List<String> FIRST_NAMES = List.of(
            "Alice", "Bruno", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jakob", "Keiko", "Liam",
            "Marta", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wim", "Yara", "Zoe",
            "Arjun", "Bianca", "Colm", "Dalia", "Emil");

    static final List<String> LAST_NAMES = List.of(
            "Andersen",
            "Brennan",
            "Costa",
            "Dubois",
            "Eriksen",
            "Fischer",
            "Garcia",
            "Hansen",
            "Ivanova",
            "Jansen",
            "Kowalski",
            "Lindqvist",
            "Moreau",
            "Nakamura",
            "Okafor",
            "Petrov",
            "Quist",
            "Rossi",
            "Schmidt",
            "Tanaka",
            "Urban",
            "Varga",
            "Weiss",
            "Young",
            "Zeller");

    static final List<String> COMPANY_WORDS = List.of(
            "Alpine",
            "Baltic",
            "Coastal",
            "Delta",
            "Eastern",
            "Fjord",
            "Granite",
            "Harbor",
            "Iron",
            "Juniper",
            "Keystone",
            "Lakeside",
            "Meridian",
            "Northern",
            "Orchard",
            "Pioneer",
            "Quarry",
            "Riverside",
            "Summit",
            "Tidewater",
            "Upland",
            "Valley",
            "Westfield",
            "Yellowstone");

    static final List<String> COMPANY_KINDS = List.of(
            "Water Works",
            "Dairy",
            "Brewery",
            "Paper Mill",
            "Farms",
            "Utilities",
            "Chemicals",
            "Foods",
            "Mining",
            "Marine");

    static final List<String> CITIES = List.of(
            "Aarhus",
            "Bergen",
            "Cork",
            "Dresden",
            "Espoo",
            "Gdansk",
            "Lyon",
            "Malmo",
            "Porto",
            "Rotterdam",
            "Tampere",
            "Utrecht");

    static final List<String> MAKES = List.of("Grundfos", "KSB", "Wilo", "Sulzer", "Xylem", "Atlas Copco");

    static final List<String> MODELS = List.of("CR 10", "Etanorm 50", "Helix V", "AHLSTAR A", "Flygt 3085", "GA 30");

    static final List<String> FAULTS = List.of(
            "Leaking shaft seal",
            "Bearing noise at full load",
            "Motor trips on overcurrent",
            "Pressure drops under load",
            "Annual inspection",
            "Vibration above limit",
            "Sensor reads out of range",
            "Oil change and filter service",
            "Coupling worn",
            "Control box does not start the pump");

    static String person(Random random, int i) {
        return FIRST_NAMES.get((i * 11 + random.nextInt(3)) % FIRST_NAMES.size()) + " "
                + LAST_NAMES.get((i * 7) % LAST_NAMES.size());
    }

    static String email(String name, String domain) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".") + "@" + domain;
    }

    static String phone(Random random) {
        return "+45 " + (20 + random.nextInt(70)) + " " + (10 + random.nextInt(89)) + " " + (10 + random.nextInt(89))
                + " " + (10 + random.nextInt(89));
    }

    static String city(Random random) {
        return (1 + random.nextInt(120)) + " Industrivej, " + CITIES.get(random.nextInt(CITIES.size()));
    }
}
