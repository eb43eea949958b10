<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComfyStatus</name>
    <message>
        <location filename="../../app/jobs/comfy_status.py" line="23"/>
        <source> on {server}</source>
        <translation>，在 {server} 上</translation>
    </message>
    <message>
        <location filename="../../app/jobs/comfy_status.py" line="25"/>
        <source> — the server is not answering; the job moves to another server if it stays down</source>
        <translation> — 服务器无响应；若持续无响应，任务将转到其他服务器</translation>
    </message>
    <message>
        <location filename="../../app/jobs/comfy_status.py" line="29"/>
        <source> — moved here from {server}, which stopped answering</source>
        <translation> — 已从无响应的 {server} 转到此处</translation>
    </message>
    <message>
        <location filename="../../app/jobs/comfy_status.py" line="32"/>
        <source> — ComfyUI skipped invalid parts of the workflow: {errors}</source>
        <translation> — ComfyUI 跳过了工作流中无效的部分：{errors}</translation>
    </message>
</context>
<context>
    <name>ComfyWorkflowDialog</name>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="59"/>
        <source>Import a ComfyUI workflow</source>
        <translation>导入 ComfyUI 工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="66"/>
        <source>Choose a workflow saved from ComfyUI with Workflow &gt; Export (API). We find where the prompt, image, seed and size go; check the guesses and change any that are wrong.</source>
        <translation>请选择在 ComfyUI 中用“工作流 &gt; 导出 (API)”保存的工作流。我们会找出提示词、图片、种子和尺寸分别填在哪里；请核对这些推测，有误的请改正。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="74"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="75"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="87"/>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="89"/>
        <source>Makes</source>
        <translation>生成内容</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="92"/>
        <source>Our value</source>
        <translation>我们的值</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="92"/>
        <source>Workflow input</source>
        <translation>工作流输入</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="98"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="109"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="109"/>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="110"/>
        <source>First frame / reference image</source>
        <translation>首帧 / 参考图</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="110"/>
        <source>End frame</source>
        <translation>尾帧</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="111"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="111"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="111"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="112"/>
        <source>Number of images</source>
        <translation>图片数量</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="112"/>
        <source>Frame count</source>
        <translation>帧数</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="113"/>
        <source>Frames per second</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="113"/>
        <source>Output file name</source>
        <translation>输出文件名</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="118"/>
        <source>Choose a ComfyUI workflow</source>
        <translation>选择 ComfyUI 工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="119"/>
        <source>Workflow (*.json)</source>
        <translation>工作流 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="134"/>
        <source>This file is in ComfyUI&apos;s editor format. In ComfyUI choose Workflow &gt; Export (API) (older versions: turn on Dev mode in the settings, then Save (API Format)) and import that file.</source>
        <translation>此文件是 ComfyUI 的编辑器格式。请在 ComfyUI 中选择“工作流 &gt; 导出 (API)”（旧版本：先在设置中开启开发者模式，再用“保存 (API 格式)”），然后导入那个文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="137"/>
        <source>This file is not a ComfyUI workflow in API format ({reason}).</source>
        <translation>此文件不是 API 格式的 ComfyUI 工作流（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="143"/>
        <source>Video (image to video)</source>
        <translation>视频（图生视频）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="143"/>
        <source>Still images</source>
        <translation>静态图片</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="155"/>
        <source>— not used —</source>
        <translation>— 不使用 —</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="191"/>
        <source>We could not find the prompt input: choose it in the list.</source>
        <translation>没有找到提示词输入，请在列表中选择。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="194"/>
        <source>One workflow input is chosen for two values.</source>
        <translation>同一个工作流输入被选给了两个值。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="197"/>
        <source>Saved templates go to {folder}</source>
        <translation>模板将保存到 {folder}</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="208"/>
        <source>The template could not be saved: {reason}</source>
        <translation>模板无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="215"/>
        <source>Import a workflow…</source>
        <translation>导入工作流…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="223"/>
        <source>Your own workflow</source>
        <translation>自带工作流</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="47"/>
        <source>More servers (farm)</source>
        <translation>更多服务器（集群）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="48"/>
        <source>Re-run started jobs of a lost paid server</source>
        <translation>付费服务器失联时重跑已开始的任务</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/comfy_workflow_dialog.py" line="49"/>
        <source>Move jobs after (s) without answer</source>
        <translation>无响应多少秒后转移任务</translation>
    </message>
</context>
</TS>
