# Excerpt of airbytehq/airbyte
#   airbyte-integrations/bases/connector-acceptance-test/connector_acceptance_test/config.py
#   at commit 0160924110bacd9c74f9e31d859d6822e1431b7d (see README.md here for the licence and what was left out).
# Kept verbatim: the module-level fields, BaseConfig, and the models of basic_read's expected records.
#
# Copyright (c) 2023 Airbyte, Inc., all rights reserved.
#

config_path: str = Field(default="secrets/config.json", description="Path to a JSON object representing a valid connector configuration")
configured_catalog_path: Optional[str] = Field(default=None, description="Path to configured catalog")
timeout_seconds: int = Field(default=None, description="Test execution timeout_seconds", ge=0)
deployment_mode: Optional[str] = Field(default=None, description="Deployment mode to run the test in", regex=r"^(cloud|oss)$")


class BaseConfig(BaseModel):
    class Config:
        extra = "forbid"


class ExpectedRecordsConfig(BaseModel):
    class Config:
        extra = "forbid"

    bypass_reason: Optional[str] = Field(description="Reason why this test is bypassed.")
    path: Optional[Path] = Field(description="File with expected records")
    exact_order: bool = Field(False, description="Ensure that records produced in exact same order")

    @validator("path", always=True)
    def no_bypass_reason_when_path_is_set(cls, path, values):
        if path and values.get("bypass_reason"):
            raise ValueError("You can't set a bypass_reason if a path is set")
        if not path and not values.get("bypass_reason"):
            raise ValueError("A path or a bypass_reason must be set")
        return path


class EmptyStreamConfiguration(BaseConfig):
    name: str
    bypass_reason: Optional[str] = Field(default=None, description="Reason why this stream is considered empty.")

    def __hash__(self):  # make it hashable
        return hash((type(self),) + tuple(self.__dict__.values()))


class IgnoredFieldsConfiguration(BaseConfig):
    name: str
    bypass_reason: Optional[str] = Field(default=None, description="Reason why this field is considered ignored.")


class BasicReadTestConfig(BaseConfig):
    config_path: str = config_path
    deployment_mode: Optional[str] = deployment_mode
    configured_catalog_path: Optional[str] = configured_catalog_path
    empty_streams: Set[EmptyStreamConfiguration] = Field(
        default_factory=set, description="We validate that all streams has records. These are exceptions"
    )
    expect_records: Optional[ExpectedRecordsConfig] = Field(description="Expected records from the read")
    validate_schema: bool = Field(True, description="Ensure that records match the schema of the corresponding stream")
    validate_stream_statuses: bool = Field(None, description="Ensure that all streams emit status messages")
    validate_state_messages: bool = Field(True, description="Ensure that state messages emitted as expected")
    validate_primary_keys_data_type: bool = Field(True, description="Ensure correct primary keys data type")
    fail_on_extra_columns: bool = Field(True, description="Fail if extra top-level properties (i.e. columns) are detected in records.")
    # TODO: remove this field after https://github.com/airbytehq/airbyte/issues/8312 is done
    validate_data_points: bool = Field(
        False, description="Set whether we need to validate that all fields in all streams contained at least one data point"
    )
    expect_trace_message_on_failure: bool = Field(True, description="Ensure that a trace message is emitted when the connector crashes")
    timeout_seconds: int = timeout_seconds
    file_types: Optional[FileTypesConfig] = Field(
        default_factory=FileTypesConfig,
        description="For file-based connectors, unsupported by source file types can be configured or a test can be skipped at all",
    )
    client_container_config: Optional[ClientContainerConfig] = Field(
        description="Information required to run a client Docker container before each test.",
    )
