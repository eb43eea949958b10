<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BrokenFilePage</name>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="40"/>
        <source>the file is not valid JSON or TOML: {detail}</source>
        <translation>文件不是有效的 JSON 或 TOML：{detail}</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="41"/>
        <source>unknown key {key} (misspelt? allowed here: {allowed})</source>
        <translation>未知的键 {key}（是否拼写错误？此处允许：{allowed}）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="42"/>
        <source>the key {key} is missing</source>
        <translation>缺少键 {key}</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="43"/>
        <source>{value} is not allowed here (allowed: {allowed})</source>
        <translation>此处不允许 {value}（允许：{allowed}）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="44"/>
        <source>{value} has the wrong type (expected {expected})</source>
        <translation>{value} 的类型不对（应为 {expected}）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="45"/>
        <source>unknown placeholder or filter {name}</source>
        <translation>未知的占位符或过滤器 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="46"/>
        <source>{value} is not a valid JSON path (JMESPath)</source>
        <translation>{value} 不是有效的 JSON 路径（JMESPath）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="61"/>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="76"/>
        <source>{file} has mistakes and is not loaded</source>
        <translation>{file} 有错误，未加载</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="87"/>
        <source>Fix the file in {folder} (or import a corrected copy), then open this dialog again. The format is described in docs/guide/provfiles.md.</source>
        <translation>请修改 {folder} 中的这个文件（或导入改正后的副本），然后重新打开此对话框。文件格式见 docs/guide/provfiles.md。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="97"/>
        <source>Not loaded: has mistakes</source>
        <translation>未加载：文件有错误</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="113"/>
        <source>Declared in the provider file {file}</source>
        <translation>由服务商文件 {file} 定义</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="129"/>
        <source>Connected to {label}: the keys are accepted</source>
        <translation>已连接到 {label}：密钥有效</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="131"/>
        <source>Connected to {label}: the key is accepted</source>
        <translation>已连接到 {label}：密钥有效</translation>
    </message>
</context>
<context>
    <name>ImportProviderButton</name>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="144"/>
        <source>Import provider file…</source>
        <translation>导入服务商文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="145"/>
        <source>Add a vendor or model from a provider file (JSON or TOML) without a new release</source>
        <translation>通过服务商文件（JSON 或 TOML）添加新的服务商或模型，无需等待新版本</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="149"/>
        <source>Import provider file</source>
        <translation>导入服务商文件</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="150"/>
        <source>Provider files (*.json *.toml)</source>
        <translation>服务商文件 (*.json *.toml)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="160"/>
        <source>{file} was not imported:</source>
        <translation>{file} 未导入：</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="163"/>
        <source>{file} could not be copied into the provider folder: {reason}</source>
        <translation>无法将 {file} 复制到服务商文件夹：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_files_ui.py" line="166"/>
        <source>Imported “{label}” from {file}.</source>
        <translation>已从 {file} 导入“{label}”。</translation>
    </message>
</context>
</TS>
