<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../app/jobs/generation.py" line="98" />
        <source>Submitting to {provider}…</source>
        <translation>正在提交到 {provider}…</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="109" />
        <source>the task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="113" />
        <source>{provider}: the task was cancelled on the vendor's side.</source>
        <translation>{provider}：任务已在服务商一侧被取消。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="115" />
        <source>Waiting for {provider}</source>
        <translation>等待 {provider} 生成</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="117" />
        <source> (position {n} in queue)</source>
        <translation>（队列第 {n} 位）</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="123" />
        <source>{provider} finished but returned no file.</source>
        <translation>{provider} 已完成，但没有返回文件。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="130" />
        <location filename="../../app/jobs/generation.py" line="132" />
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="203" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="254" />
        <source>Queue paused.</source>
        <translation>队列已暂停。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="307" />
        <source>The app closed while this job was being submitted. The vendor may have started it: check your account on the vendor's site before retrying.</source>
        <translation>提交此任务时应用被关闭。服务商可能已开始处理：重试前请先在服务商网站上查看您的账户。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="394" />
        <source>Queue paused: “{title}” (about {cost}) would bring episode {number} to {total}, over its budget of {budget}. Raise the budget, cancel the job, or resume to run it anyway.</source>
        <translation>队列已暂停：“{title}”（约 {cost}）会使第 {number} 集的花费达到 {total}，超出预算 {budget}。请提高预算、取消该任务，或点击继续以仍然运行。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="471" />
        <source>Retrying in {seconds} s: {message}</source>
        <translation>{seconds} 秒后重试：{message}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="179"/>
        <source>Could not record the job on disk before sending it, so nothing was sent: {reason}</source>
        <translation>发送前无法把任务记录到磁盘，因此没有发送任何请求：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="220"/>
        <source>Looking for the task at {provider}…</source>
        <translation>正在 {provider} 查找该任务…</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="238"/>
        <source>{provider} may have created and billed this task, but its answer never reached us (sent {time}, model {model}, prompt “{prompt}”). It cannot be looked up automatically. Check your account on {provider}&apos;s site; Retry creates a new, paid task.</source>
        <translation>{provider} 可能已创建并扣费了这个任务，但回复没有送达（发送于 {time}，模型 {model}，提示词“{prompt}”）。无法自动查找该任务。请到 {provider} 网站核对账户；点“重试”会新建一个付费任务。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="265"/>
        <source>{provider} has not finished the task after {minutes} minutes. Retry keeps waiting for the same task (nothing is paid again).</source>
        <translation>{provider} 在 {minutes} 分钟后仍未完成任务。点“重试”会继续等待同一个任务（不会重复扣费）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="307"/>
        <source>Retry downloads the finished result again (nothing is paid again).</source>
        <translation>点“重试”会重新下载已完成的结果（不会重复扣费）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="310"/>
        <source>Retry keeps waiting for the same task (nothing is paid again).</source>
        <translation>点“重试”会继续等待同一个任务（不会重复扣费）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="574"/>
        <source>Gave up after {n} failed attempts: {message}</source>
        <translation>失败 {n} 次后已放弃：{message}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="185"/>
        <source>{provider} keeps breaking off its answers; nothing was created. Will retry.</source>
        <translation>{provider} 的回复一再中断；没有创建任何任务。稍后会重试。</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="98" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="99" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="100" />
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="101" />
        <source>Budget…</source>
        <translation>预算…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="120" />
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="129" />
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="129" />
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="129" />
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="129" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="130" />
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="130" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="198" />
        <location filename="../../widgets/jobs/panel.py" line="227" />
        <source>Providers…</source>
        <translation>服务商…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="199" />
        <source>Set Budget…</source>
        <translation>设置预算…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="201" />
        <source>Missing Stills for This Episode</source>
        <translation>为本集生成缺少的静帧</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="203" />
        <source>Missing Clips for This Episode</source>
        <translation>为本集生成缺少的视频片段</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="205" />
        <source>Music Bed for This Episode</source>
        <translation>为本集生成背景音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="207" />
        <source>Clear Finished Jobs</source>
        <translation>清除已完成的任务</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="225" />
        <source>Cannot generate</source>
        <translation>无法生成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="235" />
        <source>Nothing is missing.</source>
        <translation>没有缺少的内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="245" />
        <source>Episode budget</source>
        <translation>本集预算</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="246" />
        <source>Budget for episode {n} in {currency} (0 = no budget):</source>
        <translation>第 {n} 集的预算（{currency}，0 = 不设预算）：</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="250" />
        <source>Set episode budget</source>
        <translation>设置本集预算</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="281" />
        <source>{title}: {error}</source>
        <translation>{title}：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="291" />
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="301" />
        <source>still</source>
        <translation>静帧</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="301" />
        <source>clip</source>
        <translation>视频片段</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="301" />
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="308" />
        <source>Episode {n}</source>
        <translation>第 {n} 集</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="313" />
        <location filename="../../widgets/jobs/panel.py" line="369" />
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="313" />
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="314" />
        <location filename="../../widgets/jobs/panel.py" line="369" />
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="314" />
        <source>Generating at the vendor</source>
        <translation>服务商生成中</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="315" />
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="315" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="316" />
        <location filename="../../widgets/jobs/panel.py" line="369" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="316" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="370" />
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="387" />
        <source>No episode open</source>
        <translation>未打开剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="392" />
        <source>Episode {n}: spent {spent}</source>
        <translation>第 {n} 集：已花费 {spent}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="395" />
        <source>, running ≈{pending}</source>
        <translation>，进行中 ≈{pending}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="397" />
        <source> of {budget} budget</source>
        <translation>，预算 {budget}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="402" />
        <source> (no budget set)</source>
        <translation>（未设预算）</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="280"/>
        <source>“{title}” may already have been created and billed at the vendor, but the answer never arrived, so its result cannot be collected. Retry creates a new, paid task. Check your account on the vendor&apos;s site first.</source>
        <translation>“{title}”可能已在服务商处创建并扣费，但回复没有送达，因此无法取回结果。点“重试”会新建一个付费任务。请先到服务商网站核对账户。</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="284"/>
        <source>{n} jobs may already have been created and billed at the vendor, but the answers never arrived, so their results cannot be collected. Retry creates a new, paid task for each. Check your account on the vendor&apos;s site first.</source>
        <translation>{n} 个任务可能已在服务商处创建并扣费，但回复没有送达，因此无法取回结果。点“重试”会为每个任务新建一个付费任务。请先到服务商网站核对账户。</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="287"/>
        <source>Pay again?</source>
        <translation>要再次付费吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="289"/>
        <source>Retry and pay again</source>
        <translation>重试并再次付费</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="12" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="13" />
        <source>API token</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="14" />
        <source>Access key</source>
        <translation>Access Key</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="15" />
        <source>Auth token (if behind a proxy)</source>
        <translation>认证令牌（如经代理）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="16" />
        <source>Base URL</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="17" />
        <source>Bearer token (optional)</source>
        <translation>Bearer 令牌（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="18" />
        <source>Chat model</source>
        <translation>对话模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="19" />
        <source>Checkpoint</source>
        <translation>模型检查点</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="20" />
        <source>Default motion</source>
        <translation>默认运动</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="21" />
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="22" />
        <source>Image model</source>
        <translation>图像模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="23" />
        <source>Image resolution</source>
        <translation>图像分辨率</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="24" />
        <source>Image-to-video model</source>
        <translation>图生视频模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="25" />
        <source>Image-to-video workflow</source>
        <translation>图生视频工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="26" />
        <source>Model (optional)</source>
        <translation>模型（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="27" />
        <source>Music model</source>
        <translation>音乐模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="28" />
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="29" />
        <source>Secret key</source>
        <translation>Secret Key</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="30" />
        <source>Speech model</source>
        <translation>语音模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="31" />
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="32" />
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="33" />
        <source>Text-to-image workflow</source>
        <translation>文生图工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="34" />
        <source>Text-to-video model</source>
        <translation>文生视频模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="35" />
        <source>Timeout (s)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="36" />
        <source>Video mode</source>
        <translation>视频模式</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="37" />
        <source>Video model</source>
        <translation>视频模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="38" />
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="39" />
        <source>Wait for result (s, 0-60)</source>
        <translation>等待结果（秒，0-60）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="40" />
        <source>Watched folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="41" />
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="45" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="46" />
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="47" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="48" />
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="49" />
        <source>Speech</source>
        <translation>语音</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="70" />
        <source>Nothing to test: this provider works offline.</source>
        <translation>无需测试：此服务商离线工作。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="98" />
        <source>This is a service you run or rent yourself; Microdrama Studio only talks to the address you enter.</source>
        <translation>这是您自己运行或租用的服务；Microdrama Studio 只与您填写的地址通信。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="108" />
        <source>Choose a preset…</source>
        <translation>选择预设…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="112" />
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="127" />
        <source>Parallel jobs</source>
        <translation>并行任务数</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="136" />
        <source>Default for</source>
        <translation>默认用于</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="140" />
        <source>Capability</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="140" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="140" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="141" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="155" />
        <source>Prices (used for estimates and budgets; {currency} per unit)</source>
        <translation>价格（用于估算和预算；每单位 {currency}）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="160" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="180" />
        <location filename="../../widgets/settings/providers_dialog.py" line="224" />
        <source>Set by {name}</source>
        <translation>由 {name} 设置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="187" />
        <source>Not set (kept in the system keyring once saved)</source>
        <translation>未设置（保存后存入系统钥匙串）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="293" />
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="308" />
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
</context>
</TS>