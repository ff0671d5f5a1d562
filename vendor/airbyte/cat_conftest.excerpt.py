# Excerpt of airbytehq/airbyte
#   airbyte-integrations/bases/connector-acceptance-test/connector_acceptance_test/conftest.py
#   at commit 05224b67fda00e48a76f81697d83a5fcd0998475 (see README.md here for the licence and what was left out).
# Kept verbatim: the `high` strictness rules on basic_read's empty streams and expected records.
#
# Copyright (c) 2023 Airbyte, Inc., all rights reserved.
#


@pytest.fixture(name="empty_streams")
def empty_streams_fixture(inputs, test_strictness_level) -> Set[EmptyStreamConfiguration]:
    empty_streams = getattr(inputs, "empty_streams", set())
    if test_strictness_level is Config.TestStrictnessLevel.high and empty_streams:
        all_empty_streams_have_bypass_reasons = all([bool(empty_stream.bypass_reason) for empty_stream in inputs.empty_streams])
        if not all_empty_streams_have_bypass_reasons:
            pytest.fail("A bypass_reason must be filled in for all empty streams when test_strictness_level is set to high.")
    return empty_streams


@pytest.fixture(name="expected_records_by_stream")
def expected_records_by_stream_fixture(
    test_strictness_level: Config.TestStrictnessLevel,
    configured_catalog: ConfiguredAirbyteCatalog,
    empty_streams: Set[EmptyStreamConfiguration],
    expect_records_config: ExpectedRecordsConfig,
    base_path,
) -> MutableMapping[str, List[MutableMapping]]:
    def enforce_high_strictness_level_rules(expect_records_config, configured_catalog, empty_streams, records_by_stream) -> Optional[str]:
        error_prefix = "High strictness level error: "
        if expect_records_config is None:
            pytest.fail(error_prefix + "expect_records must be configured for the basic_read test.")
        elif expect_records_config.path:
            not_seeded_streams = find_not_seeded_streams(configured_catalog, empty_streams, records_by_stream)
            if not_seeded_streams:
                pytest.fail(
                    error_prefix
                    + f"{', '.join(not_seeded_streams)} streams are declared in the catalog but do not have expected records. Please add expected records to {expect_records_config.path} or declare these streams in empty_streams."
                )
        else:
            if not getattr(expect_records_config, "bypass_reason", None):
                pytest.fail(error_prefix / "A bypass reason must be filled if no path to expected records is provided.")

    expected_records_by_stream = {}
    if expect_records_config:
        if expect_records_config.path:
            expected_records_file_path = str(base_path / expect_records_config.path)
            with open(expected_records_file_path, "r") as f:
                all_records = [AirbyteRecordMessage.parse_raw(line) for line in f]
                expected_records_by_stream = TestBasicRead.group_by_stream(all_records)

    if test_strictness_level is Config.TestStrictnessLevel.high:
        enforce_high_strictness_level_rules(expect_records_config, configured_catalog, empty_streams, expected_records_by_stream)
    return expected_records_by_stream


def find_not_seeded_streams(
    configured_catalog: ConfiguredAirbyteCatalog,
    empty_streams: Set[EmptyStreamConfiguration],
    records_by_stream: MutableMapping[str, List[MutableMapping]],
) -> Set[str]:
    stream_names_in_catalog = set([configured_stream.stream.name for configured_stream in configured_catalog.streams])
    empty_streams_names = set([stream.name for stream in empty_streams])
    expected_record_stream_names = set(records_by_stream.keys())
    expected_seeded_stream_names = stream_names_in_catalog - empty_streams_names

    return expected_seeded_stream_names - expected_record_stream_names
